package org.hotline.sip.auth;

import gov.nist.javax.sip.message.SIPRequest;
import java.net.InetAddress;
import java.text.ParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.sip.header.AuthorizationHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.config.SipSettings;
import org.hotline.sip.stack.SipServer;

/**
 * Digest authentication of a request (RFC 3261 section 22, RFC 7616): the user it proves, or the
 * 401 challenge (with {@code stale=true} for an expired nonce) or 403 to answer. Shared by the
 * registrar and every other request that must come from a known user (an agent's feature code).
 * Every refusal is reported with the request's source address, so that a guesser can be banned.
 */
public final class DigestAuthenticator {

  /** What a request's credentials proved. */
  public sealed interface Result {}

  /** The credentials are good: the request comes from {@code user}. */
  public record Authenticated(String user) implements Result {}

  /** No credentials, or a nonce that is no longer good: answer {@code challenge} (401). */
  public record Challenge(Response challenge) implements Result {}

  /** Wrong credentials, or an unknown user (which looks the same): answer 403. */
  public record Refused(String user) implements Result {}

  private final SipServer sip;
  private final SipSettings settings;
  private final CredentialStore credentials;
  private final NonceService nonces;
  private final BiConsumer<InetAddress, String> onFailure;

  /** Unknown users are checked against a hash of this, which nobody knows. */
  private final String unknownUserSecret = UUID.randomUUID().toString();

  /**
   * @param onFailure told of each refusal: the source address of the request and the user it
   *     claimed to be
   */
  public DigestAuthenticator(
      SipServer sip,
      SipSettings settings,
      CredentialStore credentials,
      NonceService nonces,
      BiConsumer<InetAddress, String> onFailure) {
    this.sip = sip;
    this.settings = settings;
    this.credentials = credentials;
    this.nonces = nonces;
    this.onFailure = onFailure;
  }

  /**
   * Checks {@code request}'s Authorization header.
   *
   * @param user the user the request must prove, or null to take the one its credentials name
   */
  public Result check(Request request, String user) throws ParseException {
    AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
    if (auth == null) {
      return new Challenge(challenge(request, false));
    }
    DigestCredentials c = credentialsOf(auth);
    NonceService.Verdict nonce = nonces.check(c.nonce(), c.qop() == null ? null : c.nonceCount());
    if (nonce != NonceService.Verdict.VALID) {
      return new Challenge(challenge(request, nonce == NonceService.Verdict.STALE));
    }
    String claimed = user == null ? String.valueOf(c.username()) : user;
    if (authentic(c, claimed, request.getMethod())) {
      return new Authenticated(claimed);
    }
    InetAddress source = ((SIPRequest) request).getPeerPacketSourceAddress();
    if (source != null) {
      onFailure.accept(source, claimed);
    }
    return new Refused(claimed);
  }

  private boolean authentic(DigestCredentials c, String user, String method) {
    if (!settings.realm().equals(c.realm()) || !user.equals(c.username())) {
      return false;
    }
    Optional<String> alg = DigestVerifier.javaAlgorithm(c.algorithmOrDefault());
    if (alg.isEmpty()) {
      return false;
    }
    Optional<String> ha1 =
        credentials.ha1(user, settings.realm(), c.algorithmOrDefault().toUpperCase(Locale.ROOT));
    // An unknown user is checked against a hash nobody knows, so both answers look alike.
    String stored = ha1.orElseGet(() -> DigestVerifier.hash(alg.get(), unknownUserSecret));
    return DigestVerifier.verify(c, method, stored) && ha1.isPresent();
  }

  private Response challenge(Request request, boolean stale) throws ParseException {
    Response r = sip.messages().createResponse(Response.UNAUTHORIZED, request);
    String nonce = nonces.issue();
    for (String algorithm : settings.digestAlgorithms()) {
      var h = sip.headers().createWWWAuthenticateHeader("Digest");
      h.setRealm(settings.realm());
      h.setNonce(nonce);
      h.setAlgorithm(algorithm);
      h.setQop("auth");
      if (stale) {
        h.setStale(true);
      }
      r.addHeader(h);
    }
    return r;
  }

  private static DigestCredentials credentialsOf(AuthorizationHeader a) {
    String uri = a.getURI() == null ? null : a.getURI().toString();
    return new DigestCredentials(
        a.getUsername(),
        a.getRealm(),
        a.getNonce(),
        uri,
        a.getResponse(),
        a.getAlgorithm(),
        a.getQop(),
        a.getParameter("nc"),
        a.getCNonce());
  }
}
