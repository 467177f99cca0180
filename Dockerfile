# syntax=docker/dockerfile:1
# Redress as a container: built with the Maven wrapper, run as a plain jar on a JRE.
#   docker build -t redress .    (or: docker compose up --build, see docker-compose.yml)

# --- build ---------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
COPY processes/ processes/
COPY forms/ forms/
# The cache mount keeps ~/.m2 (Maven itself and the dependencies) between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# --- run -----------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
RUN groupadd --system redress \
 && useradd --system --gid redress --home-dir /app --shell /usr/sbin/nologin redress \
 && mkdir -p /app/data \
 && chown redress:redress /app/data
WORKDIR /app
COPY --from=build /src/target/redress-0.1.0-SNAPSHOT.jar /app/redress.jar
# Non-root. Without the postgres profile the H2 database lives in /app/data (mount a volume to keep it).
USER redress
EXPOSE 8080
ENTRYPOINT ["java","-jar","/app/redress.jar"]
