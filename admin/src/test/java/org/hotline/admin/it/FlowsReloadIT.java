package org.hotline.admin.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An operator changes the flows file and reloads it while the server runs. */
class FlowsReloadIT {
  @TempDir Path dir;

  private static final String V1 =
      """
      numbers:
        "100": front
      queues:
        sales: {}
      flows:
        front:
          - play: welcome
          - enqueue: sales
      """;

  /** The same flows, answering 555 instead of 100. */
  private static final String V2 = V1.replace("\"100\"", "\"555\"");

  @Test
  void reload_servesTheNewFile_andABadFileLeavesTheFlowsInService() throws Exception {
    Path flows = Files.writeString(dir.resolve("flows.yaml"), V1);
    try (RunningServer server = new RunningServer(Map.of("hotline.ivr.flows", flows.toString()))) {
      Sipp toOld =
          Sipp.client(
              server,
              "uac-call-unknown-number-expect-404.xml",
              "555",
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(0, toOld.run(30), "555 is not served yet: " + toOld.output());

      Files.writeString(flows, V2);
      HttpResponse<String> ok = server.post("/api/admin/reload");
      assertEquals(200, ok.statusCode(), ok.body());

      Sipp gone =
          Sipp.client(
              server,
              "uac-call-unknown-number-expect-404.xml",
              "100",
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(0, gone.run(30), "100 is no longer served: " + gone.output());
      int phonePort = FreePorts.udpAndTcp();
      Sipp phone =
          Sipp.phone("uas-agent-answer.xml", phonePort, "-m", "1", "-timeout", "60s").start();
      Agents.register(server, 1, phonePort, "hotline");
      Sipp caller =
          Sipp.client(
              server,
              "uac-call-100-english-sales-expect-agent.xml",
              "555",
              "-m",
              "1",
              "-d",
              "2000",
              "-timeout",
              "60s");
      assertEquals(0, caller.run(60), caller.output());
      assertEquals(0, phone.await(30), phone.output());
      JsonNode cdr = CallPathIT.awaitCdrs(server, 1).get(0);
      assertEquals("555", cdr.get("dialed").asText(), cdr.toString());
      assertEquals("answered", cdr.get("outcome").asText(), cdr.toString());

      Files.writeString(flows, V2.replace("enqueue: sales", "enqueue: nowhere"));
      HttpResponse<String> refused = server.post("/api/admin/reload");
      assertEquals(422, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("nowhere"), refused.body());
      assertEquals(1.0, server.counter("hotline_ivr_reloads_total"));
      assertEquals(1.0, server.counter("hotline_ivr_reloads_failed_total"));
      Sipp stillServed =
          Sipp.client(
              server,
              "uac-call-unknown-number-expect-404.xml",
              "100",
              "-m",
              "1",
              "-timeout",
              "20s");
      assertEquals(
          0, stillServed.run(30), "the refused file changed nothing: " + stillServed.output());
    }
  }
}
