package io.firstpin;

import io.firstpin.operations.DatabaseMove;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@Modulithic(systemName = "Firstpin", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstpinApplication {

    public static void main(String[] args) {
        if (DatabaseMove.requested(args)) {
            System.exit(DatabaseMove.run(FirstpinApplication.class, args, System.out));
        }
        SpringApplication.run(FirstpinApplication.class, args);
    }
}
