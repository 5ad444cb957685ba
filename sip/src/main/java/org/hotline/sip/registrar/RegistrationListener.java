package org.hotline.sip.registrar;

/** Told when a user gets their first binding or loses their last one. */
public interface RegistrationListener {
  void registered(String user);

  void unregistered(String user);
}
