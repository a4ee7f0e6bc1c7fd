package io.github.camelkusto.export.springboot;

import io.github.camelkusto.export.KustoExportComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Lazy;

/**
 * Applies {@code camel.component.kusto-export.*} to the kusto-export component when Camel creates it, through the
 * component's generated configurer (the way every camel-spring-boot starter does). Disabled by
 * {@code camel.component.kusto-export.enabled=false} or {@code ...customizer.enabled=false}.
 */
@AutoConfiguration(after = { CamelAutoConfiguration.class, KustoExportComponentConverter.class })
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, KustoExportComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.kusto-export" })
public class KustoExportComponentAutoConfiguration {

    private final ApplicationContext applicationContext;
    private final KustoExportComponentConfiguration configuration;

    public KustoExportComponentAutoConfiguration(ApplicationContext applicationContext,
            KustoExportComponentConfiguration configuration) {
        this.applicationContext = applicationContext;
        this.configuration = configuration;
    }

    @Lazy
    @Bean
    public ComponentCustomizer configureKustoExportComponent() {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext,
                        "camel.component.customizer", "camel.component.kusto-export.customizer")
                        && target instanceof KustoExportComponent;
            }
        };
    }
}
