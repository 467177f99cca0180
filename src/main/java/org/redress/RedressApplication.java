package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Redress: ISO 10002 complaint handling on an embedded Camunda 7 engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class RedressApplication {

  public static void main(String[] args) {
    SpringApplication.run(RedressApplication.class, args);
  }
}
