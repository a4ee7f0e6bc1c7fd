package io.github.camelkusto.testkit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real {@link Azurite}: {@code @ExtendWith(AzuriteExtension.class)} and an {@code Azurite}
 * parameter on the constructor or on a test or lifecycle method. One Azurite serves every test class of the
 * JVM: it is kept in the root context's store and stopped when all tests are done (a shutdown hook stops it
 * too, should the JVM end another way).
 */
public final class AzuriteExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Azurite.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        azurite(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Azurite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return azurite(context);
    }

    /** The JVM's Azurite, started on first use; for code that has an extension context but no parameter. */
    public static Azurite azurite(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Running.class, key -> Running.start(), Running.class).azurite;
    }

    /** The root store closes this AutoCloseable value once all tests are done. */
    private static final class Running implements AutoCloseable {
        private final Azurite azurite;
        private final Thread shutdownHook;

        private Running(Azurite azurite) {
            this.azurite = azurite;
            this.shutdownHook = new Thread(this::stopQuietly, "azurite-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }

        static Running start() {
            try {
                return new Running(Azurite.start());
            } catch (Exception e) {
                throw new IllegalStateException("cannot start Azurite: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
            stopQuietly();
        }

        private void stopQuietly() {
            try {
                azurite.close();
            } catch (Exception e) {
                System.err.println("Azurite did not stop cleanly: " + e);
            }
        }
    }
}
