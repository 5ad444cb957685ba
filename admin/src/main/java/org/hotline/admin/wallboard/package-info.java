/**
 * The live feed of the wallboard: each queue's figures and the agents by state, kept from the event
 * bus and pushed to the wall screens as Server-Sent Events ({@code GET /api/wallboard/events}).
 */
package org.hotline.admin.wallboard;
