package io.github.camelkusto.testkit;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** With {@link AzuriteTest}, a second test class: whichever runs second must get the first one's Azurite. */
@ExtendWith(AzuriteExtension.class)
class SharedAzuriteTest {
    private static final AtomicReference<Azurite> FIRST_SEEN = new AtomicReference<>();

    /** Called by every test class that takes part; from the second call on, the instance must be the same. */
    static void assertSameAsEarlierClasses(Azurite azurite) {
        FIRST_SEEN.compareAndSet(null, azurite);
        assertThat(azurite).isSameAs(FIRST_SEEN.get());
    }

    @Test
    void everyTestClassOfTheJvmSharesOneAzurite(Azurite azurite) {
        assertSameAsEarlierClasses(azurite);
        assertThat(azurite.blobServiceClient().getAccountInfo().getAccountKind()).isNotNull();
    }
}
