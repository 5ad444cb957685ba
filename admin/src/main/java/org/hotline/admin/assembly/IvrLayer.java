package org.hotline.admin.assembly;

import io.micrometer.core.instrument.FunctionCounter;
import java.nio.file.Path;
import org.hotline.core.customer.Customer;
import org.hotline.ivr.PromptSets;
import org.hotline.ivr.flows.Flows;
import org.hotline.ivr.flows.FlowsException;
import org.hotline.ivr.verb.FlowServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IVR's flows, with the services their verbs use: customers, voicemail, callbacks, dialling.
 */
public final class IvrLayer {
  private static final Logger log = LoggerFactory.getLogger(IvrLayer.class);

  private IvrLayer() {}

  /**
   * Reads the flows file (or the demo flows). A callback a caller asks for is stored and published
   * on the bus, for the ACD once it runs ({@link CallbackIntake}).
   */
  public static Flows load(Node node, DataLayer data, SecurityLayer security)
      throws FlowsException {
    FlowServices services =
        new FlowServices(
            node.clock(),
            number -> data.customers().findByNumber(number).map(Customer::level),
            data.voicemail(),
            new CallbackIntake(data.callbacks(), node.bus(), node.clock()),
            security.dialing());
    Flows loaded =
        Flows.load(
            node.config().ivr(), services, PromptSets.available(node.config().ivr().promptsDir()));
    FunctionCounter.builder("hotline.ivr.reloads", loaded, Flows::reloads)
        .description("IVR flows files taken into service by a reload")
        .register(node.metrics());
    FunctionCounter.builder("hotline.ivr.reloads.failed", loaded, Flows::failedReloads)
        .description("IVR flows files refused on reload (the flows in service stayed)")
        .register(node.metrics());
    log.info(
        "IVR flows from {}: numbers {}",
        loaded.file().map(Path::toString).orElse("the demo"),
        loaded.current().numbers());
    return loaded;
  }
}
