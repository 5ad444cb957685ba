package org.hotline.config;

/** HTTP server settings: bind address and port of the console, API, CTI and metrics. */
public record HttpSettings(String host, int port) {}
