# ESC-Lab for GPU hosts. The CUDA build of libtorch comes from the PyTorch image; DJL is pointed at it instead of the
# CPU native jar (profile "gpu" leaves that jar out). Not exercised on the CPU-only machines ESC-Lab is developed on.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -Pgpu -DskipTests install

FROM pytorch/pytorch:2.7.1-cuda12.6-cudnn9-runtime
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless && rm -rf /var/lib/apt/lists/*
ENV PYTORCH_LIBRARY_PATH=/opt/conda/lib/python3.11/site-packages/torch/lib \
    PYTORCH_VERSION=2.7.1 \
    PYTORCH_FLAVOR=cu126 \
    GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296
COPY --from=build /src/adapters/app/target/quarkus-app /opt/escnet
WORKDIR /var/lib/escnet
ENTRYPOINT ["java", "-XX:MaxNewSize=64m", "-Dai.djl.offline=true", "-jar", "/opt/escnet/quarkus-run.jar"]
CMD ["serve", "--host", "0.0.0.0"]
