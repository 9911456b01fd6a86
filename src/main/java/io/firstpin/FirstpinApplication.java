package io.firstpin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

@Modulithic(systemName = "Firstpin", sharedModules = "platform")
@SpringBootApplication
@ConfigurationPropertiesScan
public class FirstpinApplication {

    public static void main(String[] args) {
        SpringApplication.run(FirstpinApplication.class, args);
    }
}
