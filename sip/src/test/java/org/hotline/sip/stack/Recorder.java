package org.hotline.sip.stack;

import java.util.ArrayList;
import java.util.List;

/** A {@link MalformedListener} that remembers what it was told. */
final class Recorder implements MalformedListener {
  final List<MalformedMessage> malformed = new ArrayList<>();
  final List<Integer> rejected = new ArrayList<>();

  @Override
  public void malformed(MalformedMessage message) {
    malformed.add(message);
  }

  @Override
  public void rejected(int status) {
    rejected.add(status);
  }
}
