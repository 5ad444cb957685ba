package org.hotline.admin.http;

import io.netty.buffer.ByteBuf;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The body of an upload as it arrives, read by its route on a worker as an {@link InputStream}: the
 * event loop {@link #offer}s each part and never waits; the worker's {@link #read} waits for the
 * next part. At most {@link #HIGH_WATER} bytes wait here: beyond, the connection stops reading
 * ({@link ReadSwitch#UPLOAD}) until the worker has taken them down to {@link #LOW_WATER}.
 *
 * <p>More than the route's limit in all, and the worker's next read throws {@link TooLarge}; the
 * rest is dropped as it comes. The connection closing first makes it throw an {@link IOException}.
 * When the worker {@link #close}s it before the end, the rest is dropped too.
 */
final class UploadBody extends InputStream {
  /** Bytes waiting for the worker before the connection stops reading. */
  static final int HIGH_WATER = 256 * 1024;

  /** Bytes waiting below which the connection reads again. */
  static final int LOW_WATER = 64 * 1024;

  /** The body is larger than its route takes. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLarge(long limit) {
      super("the body is larger than " + limit + " bytes");
      this.limit = limit;
    }
  }

  private final long limit;
  private final ReadSwitch reads;
  private final Executor eventLoop;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition arrived = lock.newCondition();
  private final ArrayDeque<ByteBuf> parts = new ArrayDeque<>();
  private long waiting;
  private long received;
  private boolean ended;
  private boolean closed;
  private IOException failure;

  /** Whether this body stopped the connection's reading (and has not let it read again). */
  private boolean stopped;

  /**
   * @param limit the most bytes the body may have
   * @param reads the connection's reading, held while too much waits
   * @param eventLoop the connection's event loop, where reading is switched
   */
  UploadBody(long limit, ReadSwitch reads, Executor eventLoop) {
    this.limit = limit;
    this.reads = reads;
    this.eventLoop = eventLoop;
  }

  /**
   * Takes the next part (its reference with it). Event loop only.
   *
   * @return false when the body is over its limit: the rest is to be dropped
   */
  boolean offer(ByteBuf part) {
    boolean stop;
    lock.lock();
    try {
      if (!part.isReadable()) {
        part.release();
        return true;
      }
      received += part.readableBytes();
      if (received > limit && failure == null) {
        failure = new TooLarge(limit);
      }
      if (closed || failure != null) {
        part.release();
        arrived.signalAll();
        return !(failure instanceof TooLarge);
      }
      parts.add(part);
      waiting += part.readableBytes();
      stop = waiting >= HIGH_WATER && !stopped;
      stopped |= stop;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    if (stop) {
      // A release the worker asks for runs on the event loop after this task: never before it.
      reads.hold(ReadSwitch.UPLOAD);
    }
    return true;
  }

  /** The last part came. Event loop only. */
  void end() {
    lock.lock();
    try {
      ended = true;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The connection closed before the last part. Any thread. */
  void fail(IOException cause) {
    lock.lock();
    try {
      if (failure == null && !ended) {
        failure = cause;
      }
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The bytes of the body that came so far, dropped ones included. */
  long received() {
    lock.lock();
    try {
      return received;
    } finally {
      lock.unlock();
    }
  }

  /** Whether the whole body came within its limit: the connection can carry the next request. */
  boolean complete() {
    lock.lock();
    try {
      return ended && failure == null;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] into, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    int n;
    boolean resume;
    lock.lock();
    try {
      while (parts.isEmpty() && !ended && failure == null && !closed) {
        arrived.awaitUninterruptibly();
      }
      if (failure != null) {
        throw failure instanceof TooLarge tooLarge
            ? new TooLarge(tooLarge.limit)
            : new IOException(failure.getMessage(), failure);
      }
      if (closed) {
        throw new IOException("the body is closed");
      }
      if (parts.isEmpty()) {
        return -1;
      }
      ByteBuf part = parts.peek();
      n = Math.min(len, part.readableBytes());
      part.readBytes(into, off, n);
      if (!part.isReadable()) {
        parts.poll().release();
      }
      waiting -= n;
      resume = stopped && waiting < LOW_WATER;
      stopped &= !resume;
    } finally {
      lock.unlock();
    }
    if (resume) {
      eventLoop.execute(() -> reads.release(ReadSwitch.UPLOAD));
    }
    return n;
  }

  /** Drops what waits and what is still to come, and lets the connection read again. Any thread. */
  @Override
  public void close() {
    boolean resume;
    lock.lock();
    try {
      closed = true;
      parts.forEach(ByteBuf::release);
      parts.clear();
      waiting = 0;
      resume = stopped;
      stopped = false;
      arrived.signalAll();
    } finally {
      lock.unlock();
    }
    if (resume) {
      eventLoop.execute(() -> reads.release(ReadSwitch.UPLOAD));
    }
  }
}
