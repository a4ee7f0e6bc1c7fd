package io.github.camelkusto.testkit;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@link AzuriteTest}, a second test class: whichever runs second must get the first one's Azurite, and
 * every place JUnit injects parameters into gets that same one.
 */
@ExtendWith(AzuriteExtension.class)
class SharedAzuriteTest {
    private static final AtomicReference<Azurite> FIRST_SEEN = new AtomicReference<>();
    private static Azurite beforeAll;

    private final Azurite constructed;
    private Azurite beforeEach;

    SharedAzuriteTest(Azurite azurite) {
        this.constructed = azurite;
    }

    /** Called by every test class that takes part; from the second call on, the Azurite must be the same. */
    static void assertSameAsEarlierClasses(Azurite azurite) {
        FIRST_SEEN.compareAndSet(null, azurite);
        assertThat(azurite).isSameAs(FIRST_SEEN.get());
        assertThat(azurite.port()).isEqualTo(FIRST_SEEN.get().port());
    }

    @BeforeAll
    static void injectedIntoBeforeAll(Azurite azurite) {
        beforeAll = azurite;
    }

    @BeforeEach
    void injectedIntoBeforeEach(Azurite azurite) {
        beforeEach = azurite;
    }

    @Test
    void everyTestClassAndInjectionPointOfTheJvmSharesOneAzurite(Azurite azurite) {
        assertSameAsEarlierClasses(azurite);
        assertThat(constructed).isSameAs(azurite);
        assertThat(beforeAll).isSameAs(azurite);
        assertThat(beforeEach).isSameAs(azurite);
        assertThat(azurite.blobServiceClient().getAccountInfo().getAccountKind()).isNotNull();
    }
}
