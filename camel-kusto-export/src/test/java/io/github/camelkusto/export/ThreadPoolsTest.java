package io.github.camelkusto.export;

import java.lang.management.ManagementFactory;
import java.util.HashSet;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every thread pool the component starts is Camel's: named by a thread-pool profile id and shown in JMX. */
class ThreadPoolsTest {

    @Test
    void everyComponentPoolShowsInJmxUnderItsProfileId() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.getCamelContextExtension().setName("threadPoolsTest");
            context.addRoutes(route());
            context.start();
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            Set<String> profiles = new HashSet<>();
            for (ObjectName name : server.queryNames(
                    new ObjectName("org.apache.camel:context=threadPoolsTest,type=threadpools,*"), null)) {
                profiles.add(String.valueOf(server.getAttribute(name, "Id"))); // the profile id is the pool's id
            }
            assertThat(profiles).contains(KustoExportComponent.EXPORT_POOL, KustoExportComponent.WRITER_POOL,
                    KustoExportComponent.COMPRESSOR_POOL, KustoExportComponent.BLOCK_STAGER_POOL,
                    KustoExportComponent.PROGRESS_POOL, KustoExportComponent.QUERY_POOL_PROFILE);
        }
    }

    @Test
    void aRegisteredProfileSizesItsPool() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            ThreadPoolProfile writers = new ThreadPoolProfile(KustoExportComponent.WRITER_POOL);
            writers.setPoolSize(3);
            writers.setMaxPoolSize(3);
            context.getExecutorServiceManager().registerThreadPoolProfile(writers);
            context.addRoutes(route());
            context.start();
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName pool = server.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                    + ",type=threadpools,*"), null).stream().filter(name -> attribute(server, name,
                    "ThreadPoolProfileId").equals(KustoExportComponent.WRITER_POOL)).findFirst().orElseThrow();
            assertThat(server.getAttribute(pool, "CorePoolSize")).isEqualTo(3);
            assertThat(server.getAttribute(pool, "MaximumPoolSize")).isEqualTo(3);
        }
    }

    private static String attribute(MBeanServer server, ObjectName name, String attribute) {
        try {
            return String.valueOf(server.getAttribute(name, attribute));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static RouteBuilder route() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").to("kusto-export:csv");
            }
        };
    }
}
