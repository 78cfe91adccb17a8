package dev.weft.it.net;

import java.net.InetSocketAddress;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The Testcontainers path of {@link Servers#redis()}: a {@code redis:7} container. A class of its
 * own so that Testcontainers' classes are loaded only when a Docker engine looks reachable.
 */
final class RedisContainer implements Servers.Redis {

    private final GenericContainer<?> container;

    private RedisContainer(GenericContainer<?> container) {
        this.container = container;
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    static Servers.Redis start() {
        GenericContainer<?> c =
                new GenericContainer<>(DockerImageName.parse("redis:7")).withExposedPorts(6379);
        c.start();
        return new RedisContainer(c);
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(container.getHost(), container.getMappedPort(6379));
    }

    @Override
    public String origin() {
        return "redis:7 container";
    }

    @Override
    public void close() {
        container.stop();
    }
}
