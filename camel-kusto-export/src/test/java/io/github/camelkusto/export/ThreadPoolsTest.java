package io.github.camelkusto.export;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.HashSet;
import java.util.Set;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelkusto.export.server.EmbeddedManagementCommands;
import io.github.camelkusto.export.server.KustoRestServer;
import io.github.camelkusto.export.server.ServerSettings;
import io.github.camelkusto.kql.exec.QueryEngine;
import io.github.camelkusto.testkit.Azurite;
import io.github.camelkusto.testkit.AzuriteExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Every thread pool the component starts is Camel's: named by a thread-pool profile id and shown in JMX. */
@ExtendWith(AzuriteExtension.class)
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
                    KustoExportComponent.PROGRESS_POOL, KustoExportComponent.QUERY_POOL_PROFILE,
                    KustoExportComponent.HTTP_POOL, KustoExportComponent.SERVER_POOL);
        }
    }

    @Test
    void storageRequestsRunOnTheHttpPool(Azurite azurite) throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            context.addRoutes(route());
            context.start();
            String container = azurite.newContainer("httppool");

            context.createProducerTemplate().requestBody("direct:in", ".export to csv (h@\""
                    + azurite.kustoConnectionString(container) + "\") <| print x = 1");

            assertThat(Thread.getAllStackTraces().keySet()).as("threads")
                    .anySatisfy(t -> assertThat(t.getName()).contains("KustoExportHttp"));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName pool = poolOf(server, context, KustoExportComponent.HTTP_POOL);
            assertThat((Long) server.getAttribute(pool, "CompletedTaskCount")).as("tasks the HTTP pool ran")
                    .isPositive();
        }
    }

    @Test
    void aServedDatabaseAnswersOnTheServerPool() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            KustoExportComponent component = new KustoExportComponent();
            context.addComponent("kusto-export", component);
            context.start();
            KustoRestServer served = component.serve(new EmbeddedManagementCommands(component.getDatabase(),
                    new QueryEngine(component.getDatabase(), Runnable::run)),
                    ServerSettings.of(0, "default"));
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    served.uri().resolve("/v1/rest/auth/metadata")).build(), BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName pool = poolOf(server, context, KustoExportComponent.SERVER_POOL);
            assertThat(server.getAttribute(pool, "MaximumPoolSize")).isEqualTo(ServerSettings.DEFAULT_THREADS);
            // TaskCount, not CompletedTaskCount: the answer can arrive before the pool's thread has ended its task
            assertThat((Long) server.getAttribute(pool, "TaskCount")).as("requests the pool was given")
                    .isPositive();
        }
    }

    private static ObjectName poolOf(MBeanServer server, CamelContext context, String profileId) throws Exception {
        return server.queryNames(new ObjectName("org.apache.camel:context=" + context.getName()
                + ",type=threadpools,*"), null).stream().filter(name -> attribute(server, name,
                "ThreadPoolProfileId").equals(profileId)).findFirst().orElseThrow(
                        () -> new AssertionError("no pool of profile " + profileId + " in JMX"));
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
            ObjectName pool = poolOf(server, context, KustoExportComponent.WRITER_POOL);
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
