package org.hotline.sip.guard;

import javax.sip.message.Request;

/** The kinds of new request that are rate-limited apart, each at its own rate. */
enum RequestClass {
  REGISTER,
  INVITE,
  OPTIONS,
  OTHER;

  static RequestClass of(String method) {
    return switch (method) {
      case Request.REGISTER -> REGISTER;
      case Request.INVITE -> INVITE;
      case Request.OPTIONS -> OPTIONS;
      default -> OTHER;
    };
  }
}
