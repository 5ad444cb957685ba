package org.hotline.sip.stack;

/**
 * What {@link StrictMessageParser} found wrong with a request that still parsed, carried on the
 * request (its application data) to {@link MessageScreen}, which knows where to send the answer.
 *
 * @param status the response the request gets
 * @param reason why, fit for a log line and a reason phrase
 * @param closeConnection whether the request came over a connection whose framing can no longer be
 *     trusted (its Content-Length was unusable), to be closed once answered
 */
record Defect(int status, String reason, boolean closeConnection) {}
