/**
 * The CTI transport: logging in ({@code POST /api/login}, session tokens) and the {@code /cti}
 * WebSocket that carries the CTI bridge's events to agent desktops and integrations and their
 * commands back. What the events and commands mean is the bridge's ({@code
 * org.hotline.cti.bridge}).
 */
package org.hotline.admin.cti;
