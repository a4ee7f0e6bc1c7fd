// Generated from the kusto-export catalog JSON by StarterSources (starter tests): do not edit.
// Regenerate: mvn -o -B test -pl camel-kusto-export-starter -am -Dtest=StarterSourcesMatchCatalogTest -Dstarter.regenerate=true
package io.github.camelkusto.export.springboot;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;

/** Binds a {@code #bean:name} (or {@code #name}) property value of an object option to that bean. */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesBinding
public class KustoExportComponentConverter implements GenericConverter {

    private final ApplicationContext applicationContext;

    public KustoExportComponentConverter(ApplicationContext applicationContext) {
        this.applicationContext = applicationContext;
    }

    @Override
    public Set<ConvertiblePair> getConvertibleTypes() {
        Set<ConvertiblePair> answer = new LinkedHashSet<>();
        answer.add(new ConvertiblePair(String.class, io.github.camelkusto.export.KustoExportConfiguration.class));
        answer.add(new ConvertiblePair(String.class, io.github.camelkusto.kql.catalog.KustoDatabase.class));
        answer.add(new ConvertiblePair(String.class, com.azure.core.credential.TokenCredential.class));
        return answer;
    }

    @Override
    public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
        if (source == null || !source.toString().startsWith("#")) {
            return null;
        }
        String ref = source.toString();
        ref = ref.startsWith("#bean:") ? ref.substring(6) : ref.substring(1);
        switch (targetType.getName()) {
            case "io.github.camelkusto.export.KustoExportConfiguration":
                return applicationContext.getBean(ref, io.github.camelkusto.export.KustoExportConfiguration.class);
            case "io.github.camelkusto.kql.catalog.KustoDatabase":
                return applicationContext.getBean(ref, io.github.camelkusto.kql.catalog.KustoDatabase.class);
            case "com.azure.core.credential.TokenCredential":
                return applicationContext.getBean(ref, com.azure.core.credential.TokenCredential.class);
            default:
                return null;
        }
    }
}
