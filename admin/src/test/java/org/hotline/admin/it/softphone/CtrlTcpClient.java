package org.hotline.admin.it.softphone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A client of baresip's {@code ctrl_tcp} module: JSON objects in netstrings ({@code
 * <length>:<json>,}) both ways. Commands carry a token that the response repeats; events ({@code
 * {"event":true,"type":"CALL_ESTABLISHED",...}}) arrive unasked and are kept, in order, for {@link
 * #awaitEvent}.
 */
final class CtrlTcpClient implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_NETSTRING = 1 << 20;

  private final Socket socket;
  private final OutputStream out;
  private final Thread reader;
  private final AtomicInteger tokens = new AtomicInteger();
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new ArrayList<>();
  private volatile IOException failure;

  private CtrlTcpClient(Socket socket) throws IOException {
    this.socket = socket;
    this.out = socket.getOutputStream();
    InputStream in = new BufferedInputStream(socket.getInputStream());
    this.reader = Thread.ofVirtual().name("ctrl_tcp-" + socket.getPort()).start(() -> readLoop(in));
  }

  /**
   * Connects to {@code port} on 127.0.0.1, trying again while {@code alive} (the process that is to
   * listen there) until {@code within} has passed.
   */
  static CtrlTcpClient connect(int port, Duration within, BooleanSupplier alive)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        return new CtrlTcpClient(s);
      } catch (IOException e) {
        s.close();
        if (!alive.getAsBoolean()) {
          throw new IOException("the process exited before ctrl_tcp listened on port " + port, e);
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("ctrl_tcp on port " + port + " not reachable within " + within, e);
        }
        Thread.sleep(100);
      }
    }
  }

  /**
   * Sends a command (one of baresip's long commands: {@code dial}, {@code sndcode}, {@code hangup},
   * ...) and waits for its response; fails unless the response says ok.
   */
  JsonNode command(String command, String params, Duration timeout)
      throws IOException, InterruptedException {
    String token = command + "-" + tokens.incrementAndGet();
    ObjectNode request = JSON.createObjectNode().put("command", command).put("token", token);
    if (params != null) {
      request.put("params", params);
    }
    CompletableFuture<JsonNode> response = new CompletableFuture<>();
    pending.put(token, response);
    byte[] body = JSON.writeValueAsBytes(request);
    synchronized (out) {
      out.write((body.length + ":").getBytes(StandardCharsets.US_ASCII));
      out.write(body);
      out.write(',');
      out.flush();
    }
    try {
      JsonNode r = response.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!r.path("ok").asBoolean()) {
        throw new IOException("baresip refused '" + command + " " + params + "': " + r);
      }
      return r;
    } catch (TimeoutException e) {
      throw new IOException(
          "no response to '"
              + command
              + "' within "
              + timeout
              + (failure == null ? "" : " (" + failure + ")"));
    } catch (ExecutionException e) {
      throw new IOException("ctrl_tcp connection failed", e.getCause());
    } finally {
      pending.remove(token);
    }
  }

  /**
   * Waits for the first event (since the connection opened) of {@code type} that matches {@code
   * filter}; fails after {@code timeout}, listing the events seen.
   */
  JsonNode awaitEvent(String type, Predicate<JsonNode> filter, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (events) {
      while (true) {
        for (JsonNode e : events) {
          if (type.equals(e.path("type").asText()) && filter.test(e)) {
            return e;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError(
              "no "
                  + type
                  + " event within "
                  + timeout
                  + "; events: "
                  + events
                  + (failure == null ? "" : "; connection: " + failure));
        }
        TimeUnit.NANOSECONDS.timedWait(events, left);
      }
    }
  }

  /** The events received so far, for failure messages. */
  List<JsonNode> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private void readLoop(InputStream in) {
    try {
      while (true) {
        JsonNode message = JSON.readTree(readNetstring(in));
        if (message.path("event").asBoolean()) {
          synchronized (events) {
            events.add(message);
            events.notifyAll();
          }
        } else if (message.path("response").asBoolean()) {
          CompletableFuture<JsonNode> f = pending.get(message.path("token").asText());
          if (f != null) {
            f.complete(message);
          }
        }
      }
    } catch (IOException e) {
      failure = e;
      pending.values().forEach(f -> f.completeExceptionally(e));
      synchronized (events) {
        events.notifyAll();
      }
    }
  }

  private static byte[] readNetstring(InputStream in) throws IOException {
    int length = 0;
    int c;
    while ((c = in.read()) != ':') {
      if (c < 0) {
        throw new EOFException("ctrl_tcp closed");
      }
      if (c < '0' || c > '9' || length > MAX_NETSTRING) {
        throw new IOException("bad netstring length byte " + c);
      }
      length = length * 10 + (c - '0');
    }
    byte[] body = in.readNBytes(length);
    if (body.length != length || in.read() != ',') {
      throw new IOException("truncated netstring");
    }
    return body;
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      reader.join(Duration.ofSeconds(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
