package org.hotline.admin.http;

/**
 * What answers a route, of one of the four kinds a {@link Router} knows: a {@link RouteHandler} (a
 * request with its body whole), an {@link UploadRoute} (its body read as it arrives), a {@link
 * StreamRoute} (a response that does not end) or a {@link WebSocketRoute}.
 */
public sealed interface RouteTarget
    permits RouteHandler, UploadRoute, StreamRoute, WebSocketRoute {}
