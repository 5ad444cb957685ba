package org.hotline.admin.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * Answers a request whose body it reads as it arrives ({@link Router#upload}), on a worker: the
 * head was checked before (who sent it, and whether they may), the body is not held in memory.
 */
@FunctionalInterface
public non-sealed interface UploadRoute extends RouteTarget {
  /**
   * Answers {@code request}, reading its body from {@code body}: reading waits for the next part of
   * it. What the route leaves unread is dropped, and the connection closes after the answer.
   *
   * @throws UploadBody.TooLarge (from {@code body}) when the body is over the route's limit
   * @throws IOException when the connection closed before the body ended
   */
  Response handle(Request request, InputStream body) throws IOException;
}
