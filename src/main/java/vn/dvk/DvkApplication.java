package vn.dvk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DvkApplication {

    public static void main(String[] args) {
        SpringApplication.run(DvkApplication.class, args);
    }
}
