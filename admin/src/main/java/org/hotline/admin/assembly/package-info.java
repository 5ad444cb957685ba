/**
 * How a node is put together: one assembler per layer ({@link DataLayer}, {@link SecurityLayer},
 * {@link WebRoutes}, {@link IvrLayer}, {@link Telephony}, {@link AcdRoutes}, {@link CtiLayer}),
 * each built with plain constructors from what the layers before it made, and the few classes that
 * join modules through the event bus instead of through setters ({@link AgentPhones}, {@link
 * CallbackIntake}, {@link AcdCallbacks}). {@code HotlineServer} calls them top to bottom.
 */
package org.hotline.admin.assembly;
