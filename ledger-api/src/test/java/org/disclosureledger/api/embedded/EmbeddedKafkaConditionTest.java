package org.disclosureledger.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.disclosureledger.embedded.kafka.EmbeddedKafkaBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;

/** When the embedded broker starts, and that it outlives the Kafka clients Spring Boot builds on it. */
class EmbeddedKafkaConditionTest {

    @TempDir
    Path dataDir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
                .withUserConfiguration(EmbeddedKafkaConfiguration.class)
                .withPropertyValues("ledger.data-dir=" + dataDir, "ledger.embedded.kafka.port=0");
    }

    @Test
    void givenBootstrapServersConfigured_whenContextStarts_thenNoEmbeddedBrokerAndClientsUseTheConfiguredOnes() {
        runner().withPropertyValues("spring.kafka.bootstrap-servers=kafka-1.example.org:9092")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(EmbeddedKafkaBroker.class);
                    assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
                            .containsExactly("kafka-1.example.org:9092");
                    assertThat(dataDir.resolve("kafka")).doesNotExist();
                });
    }

    @Test
    void givenNoBootstrapServers_whenContextCloses_thenKafkaClientsAreDestroyedBeforeTheBroker() {
        runner().run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(EmbeddedKafkaBroker.class);
            EmbeddedKafkaBroker broker = context.getBean(EmbeddedKafkaBroker.class);
            assertThat(context.getBean(KafkaConnectionDetails.class).getBootstrapServers())
                    .containsExactly(broker.bootstrapServers());

            // Spring destroys a bean's dependents before the bean: these chains put the clients first.
            var beans = context.getBeanFactory();
            String brokerBean = context.getBeanNamesForType(EmbeddedKafkaBroker.class)[0];
            String detailsBean = context.getBeanNamesForType(KafkaConnectionDetails.class)[0];
            assertThat(beans.getDependentBeans(brokerBean)).contains(detailsBean);
            assertThat(List.of(beans.getDependentBeans(detailsBean)))
                    .contains(context.getBeanNamesForType(ProducerFactory.class)[0])
                    .contains(context.getBeanNamesForType(ConsumerFactory.class)[0])
                    .contains(context.getBeanNamesForType(KafkaAdmin.class)[0]);
        });
    }
}
