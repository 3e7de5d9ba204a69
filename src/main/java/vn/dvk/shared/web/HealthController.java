package vn.dvk.shared.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Health for load balancers and orchestrators, public, answered even while DVK starts: readiness is
 * OUT_OF_SERVICE (503) until the start-up work is done, liveness DOWN when the application is broken.
 * It answers at the addresses and in the shape of Spring Boot Actuator's health groups, and gives way
 * to Actuator itself should it be added.
 */
@RestController
@ConditionalOnMissingClass("org.springframework.boot.actuate.endpoint.annotation.Endpoint")
class HealthController {

    private final ApplicationAvailability availability;

    HealthController(ApplicationAvailability availability) {
        this.availability = availability;
    }

    @GetMapping("/actuator/health")
    ResponseEntity<Map<String, String>> health() {
        return status(availability.getLivenessState() == LivenessState.CORRECT
                && availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? "UP" : "OUT_OF_SERVICE");
    }

    @GetMapping("/actuator/health/liveness")
    ResponseEntity<Map<String, String>> liveness() {
        return status(availability.getLivenessState() == LivenessState.CORRECT ? "UP" : "DOWN");
    }

    @GetMapping("/actuator/health/readiness")
    ResponseEntity<Map<String, String>> readiness() {
        return status(availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC ? "UP" : "OUT_OF_SERVICE");
    }

    private static ResponseEntity<Map<String, String>> status(String status) {
        return ResponseEntity.status("UP".equals(status) ? 200 : 503).header("Cache-Control", "no-store")
                .body(Map.of("status", status));
    }
}
