package org.redress.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare Camunda 7 engine with its REST API and one one-user-task process: the reference for intake.sh. */
@SpringBootApplication
public class BareEngine {
  public static void main(String[] args) {
    SpringApplication.run(BareEngine.class, args);
  }
}
