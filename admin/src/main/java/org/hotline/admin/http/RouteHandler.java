package org.hotline.admin.http;

/**
 * What answers one route. It runs on the router's worker executor, never on an event loop, so it
 * may query the database; it throws {@link BadRequestException} for bad input (a 400) and any other
 * exception for a 500.
 */
@FunctionalInterface
public non-sealed interface RouteHandler extends RouteTarget {
  Response handle(Request request) throws Exception;
}
