package org.hotline.core.callback;

/**
 * Where the ACD records what became of a callback request. Each call blocks until committed: the
 * ACD calls it on its write executor, never on its own thread.
 */
public interface CallbackStates {
  /** Nothing is recorded: for tests and for an ACD without a database. */
  CallbackStates NONE =
      new CallbackStates() {
        @Override
        public void attempted(long id) {}

        @Override
        public void done(long id) {}

        @Override
        public void failed(long id) {}
      };

  /** The customer of request {@code id} was dialled and not reached; it stays pending. */
  void attempted(long id);

  /** An agent and the customer of request {@code id} were connected: the request is done. */
  void done(long id);

  /** Request {@code id} will not be served: its customer could not be reached often enough. */
  void failed(long id);
}
