package org.hotline.admin.http;

import io.netty.channel.Channel;

/**
 * Whether a connection reads, from the reasons its handlers have to stop it: it reads while no
 * reason holds. Handlers stop reading for reasons of their own ({@link HeadCheck} while it checks a
 * request's head, {@link HttpRequestHandler} while too many answers are pending, an {@link
 * UploadBody} while its route has not taken what came), and none may start it again while another
 * still holds it. Event loop only.
 */
final class ReadSwitch {
  /** A request's head is being checked: what follows it waits. */
  static final int CHECKING = 1;

  /** Too many requests wait for their answers. */
  static final int PENDING = 2;

  /** The connection is being refused and will close. */
  static final int CLOSING = 4;

  /** An upload's route has not taken what came of its body yet ({@link UploadBody}). */
  static final int UPLOAD = 8;

  private final Channel channel;
  private int holding;

  ReadSwitch(Channel channel) {
    this.channel = channel;
  }

  /** Stops reading for {@code reason}. */
  void hold(int reason) {
    holding |= reason;
    channel.config().setAutoRead(false);
  }

  /** Drops {@code reason}; reads again when no other holds. */
  void release(int reason) {
    holding &= ~reason;
    if (holding == 0) {
      channel.config().setAutoRead(true);
    }
  }
}
