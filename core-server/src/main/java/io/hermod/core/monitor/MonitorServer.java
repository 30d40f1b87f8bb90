package io.hermod.core.monitor;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;

/**
 * The monitoring HTTP listener: Netty's HTTP/1.1 codec in front of {@link MonitorHttpHandler}. Runs on the event
 * loop group it is given (the server gives it one thread of its own, so a large {@code /connz} never delays
 * client traffic). {@link #start} binds; {@link #close} stops listening and closes open monitoring connections.
 */
public final class MonitorServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MonitorServer.class);
    /** Requests are small GETs; anything bigger is refused by the aggregator. */
    private static final int MAX_REQUEST_BYTES = 64 * 1024;
    /** nats-server's monitoring read timeout is 2 s; idle keep-alive connections are cut after this. */
    private static final int IDLE_SECONDS = 30;

    private final MonitorRoutes routes;
    private final EventLoopGroup group;
    private final Class<? extends ServerChannel> channelClass;
    private Channel listener;

    public MonitorServer(MonitorSource source, EventLoopGroup group, Class<? extends ServerChannel> channelClass) {
        this.routes = new MonitorRoutes(source);
        this.group = group;
        this.channelClass = channelClass;
    }

    /** Binds {@code host:port}; port 0 picks a free one. */
    public synchronized MonitorServer start(String host, int port) throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("already started");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(channelClass)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast("idle", new ReadTimeoutHandler(IDLE_SECONDS))
                                .addLast("http", new HttpServerCodec())
                                .addLast("aggregate", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast("monitor", new MonitorHttpHandler(routes));
                    }
                });
        listener = bootstrap.bind(host, port).sync().channel();
        log.info("Starting http monitor on {}:{}", host, port());
        return this;
    }

    /** The port actually bound. */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
    }
}
