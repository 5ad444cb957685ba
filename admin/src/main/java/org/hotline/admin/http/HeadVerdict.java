package org.hotline.admin.http;

/**
 * What the router made of a request's head before its body was read ({@link Router#checkHead}): who
 * sent it, or the answer that refuses it, and the largest body it may carry.
 *
 * @param principal who sent it; null when refused or not checked (open routes and requests the
 *     router answers without a handler)
 * @param refusal the answer to send instead of reading the body (401, 403, 429, 500, 503); null
 *     when the request goes on
 * @param denied why the access check refused it (401, 403, 429), which a WebSocket route tells with
 *     a close code; null when it did not
 * @param maxBody the largest body the request may carry, in bytes
 * @param upload whether the route reads the body as it arrives ({@link UploadRoute}) instead of
 *     whole
 */
record HeadVerdict(
    Principal principal,
    Response refusal,
    UnauthenticatedException denied,
    long maxBody,
    boolean upload) {
  /** A request that goes on unchecked, with bodies up to {@code maxBody}. */
  static HeadVerdict unchecked(long maxBody) {
    return new HeadVerdict(null, null, null, maxBody, false);
  }

  /** A request from {@code principal}, whom the route admits, with bodies up to {@code maxBody}. */
  static HeadVerdict admitted(Principal principal, long maxBody, boolean upload) {
    return new HeadVerdict(principal, null, null, maxBody, upload);
  }

  /** A request answered {@code refusal}, whose body is not read. */
  static HeadVerdict refused(Response refusal) {
    return new HeadVerdict(null, refusal, null, 0, false);
  }

  /**
   * A request the access check refused for {@code why}, answered {@code refusal}; its body is not
   * read.
   */
  static HeadVerdict denied(Response refusal, UnauthenticatedException why) {
    return new HeadVerdict(null, refusal, why, 0, false);
  }
}
