package org.hotline.cti.protocol;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code screen-pop}: who is calling, sent to the agent a call is offered to before their phone
 * rings. Every field is on the wire, {@code null} when it has no value.
 *
 * @param caller the number and where it is from
 * @param customer the customer the number belongs to; null when none
 * @param queue the queue the call waited in
 * @param ivr the caller's path through the IVR menus ({@code 2>1}); null when they chose nothing
 * @param waitedSeconds from joining the queue to the offer
 * @param history the caller's last calls, newest first
 * @param tickets the customer's tickets: open and pending first, then closed, each newest first
 * @param lookupFailed whether the database could not answer in time: then customer, history and
 *     tickets mean nothing
 */
@JsonTypeName("screen-pop")
public record ScreenPop(
    String agentId,
    String callId,
    Caller caller,
    Customer customer,
    String queue,
    String ivr,
    long waitedSeconds,
    List<PastCall> history,
    List<TicketLine> tickets,
    boolean lookupFailed)
    implements CtiEvent {
  public ScreenPop {
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(caller, "caller");
    history = List.copyOf(history);
    tickets = List.copyOf(tickets);
  }

  @Override
  public Optional<String> aboutAgent() {
    return Optional.of(agentId);
  }

  /**
   * The calling number.
   *
   * @param number E.164 when valid, as received when not, null when withheld
   * @param location one line in the server's language: place and carrier, or why there is none
   * @param carrier the mobile carrier; null for fixed lines and when unknown
   * @param status {@code valid}, {@code withheld} or {@code invalid}
   */
  public record Caller(String number, String location, String carrier, String status) {}

  /** The customer's card, as the CRM keeps it. */
  public record Customer(
      long id, String name, String level, String category, String salesStage, String notes) {}

  /**
   * One past call of the caller.
   *
   * @param outcome {@code answered}, {@code abandoned}, {@code ivr-hangup} or {@code failed}
   * @param disposition the wrap-up code, or null
   */
  public record PastCall(
      Instant at,
      String outcome,
      String agentId,
      String queue,
      String disposition,
      long talkSeconds) {}

  /**
   * One of the customer's tickets, in short.
   *
   * @param status {@code open}, {@code pending} or {@code closed}
   * @param createdBy the agent id (or integration) that opened it
   * @param callId the call it came from, or null
   */
  public record TicketLine(
      long id, String title, String status, Instant createdAt, String createdBy, String callId) {}
}
