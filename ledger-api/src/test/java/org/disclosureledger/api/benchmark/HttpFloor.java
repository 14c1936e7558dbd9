package org.disclosureledger.api.benchmark;

import java.time.Instant;
import java.util.Map;
import org.disclosureledger.projections.eventstore.ThreadOwnIdentifierFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenario 1's floor for this application's stack on this machine: an endpoint in the application under test, served
 * by the same Tomcat, behind a Spring Security filter chain that checks the same bearer token with the application's
 * own {@code JwtDecoder} (signature, issuer, audience, expiry; not the application's claims mapping or role rules),
 * that reads the same JSON body into a tree, writes it back as bytes and stores them with one INSERT per commit into
 * the raw benchmark table, and answers 201 with a small JSON body. No pseudonymisation, no Axon, no processors: what a
 * request costs before the ledger does anything. Only the benchmark imports it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(HttpFloor.FloorController.class)
class HttpFloor {

    static final String PATH = "/benchmark/floor/disclosures";

    /** Ahead of the application's chains, for the floor's path only. */
    @Bean
    @Order(0)
    SecurityFilterChain floorSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/benchmark/floor/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    @RestController
    static class FloorController {

        private final JdbcTemplate jdbc;
        private final JsonMapper json;

        FloorController(JdbcTemplate jdbc, JsonMapper json) {
            this.jdbc = jdbc;
            this.json = json;
        }

        @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
        ResponseEntity<Map<String, Object>> record(@RequestBody JsonNode body) {
            // As the application makes its events' identifiers: the JDK's shared generator queued the floor's threads.
            String id = ThreadOwnIdentifierFactory.randomIdentifier();
            jdbc.update(
                    "insert into bench_raw_event (event_identifier, aggregate_identifier, sequence_number, type,"
                            + " time_stamp, payload_type, payload_revision, payload, meta_data)"
                            + " values (?, ?, 0, 'Disclosure', ?, 'floor', '1', ?, null)",
                    id,
                    "floor-" + id,
                    Instant.now().toString(),
                    json.writeValueAsBytes(body));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "recorded", true));
        }
    }
}
