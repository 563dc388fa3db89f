package dev.canopy.tracking.web;

import dev.canopy.tracking.internal.Redirector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The link redirect on a port of its own ({@code canopy.tracking.redirect-port}), for the host name
 * links are shared under (go.vendor.com). An event loop per core answers each request where it was
 * read: the same {@link Redirector} as on the application's port, at several times the rate Tomcat's
 * thread-per-request model allows on a small machine (ADR 14).
 */
public class RedirectServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectServer.class);

    private final Redirector redirector;
    private final int requestedPort;
    private final boolean trustForwardedFor;
    private EventLoopGroup loops;
    private Channel channel;

    RedirectServer(Redirector redirector, int port, boolean trustForwardedFor) {
        this.redirector = redirector;
        this.requestedPort = port;
        this.trustForwardedFor = trustForwardedFor;
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void start() {
        boolean epoll = Epoll.isAvailable();
        loops = new MultiThreadIoEventLoopGroup(epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        channel = new ServerBootstrap()
                .group(loops)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new Handler());
                    }
                })
                .bind(requestedPort)
                .syncUninterruptibly()
                .channel();
        log.info("Link redirects also on port {} ({})", port(), epoll ? "epoll" : "nio");
    }

    /** Stops taking requests before the click writer drains its queue (it stops at a lower phase). */
    @Override
    public void stop() {
        channel.close().syncUninterruptibly();
        loops.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Override
    public boolean isRunning() {
        return channel != null && channel.isOpen();
    }

    @Override
    public int getPhase() {
        return 0;
    }

    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
            String uri = request.uri();
            int question = uri.indexOf('?');
            String address = ((InetSocketAddress) context.channel().remoteAddress())
                    .getAddress()
                    .getHostAddress();
            String forwarded = trustForwardedFor ? request.headers().get("X-Forwarded-For") : null;
            if (forwarded != null && !forwarded.isBlank()) {
                address = forwarded.split(",")[0].strip();
            }
            Redirector.Answer answer = redirector.answer(new Redirector.Visit(
                    request.method().name(),
                    question < 0 ? uri : uri.substring(0, question),
                    question < 0 ? null : uri.substring(question + 1),
                    address,
                    name -> request.headers().get(name)));
            ByteBuf body = answer.message() == null
                    ? Unpooled.EMPTY_BUFFER
                    : Unpooled.copiedBuffer(answer.message(), StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(
                    HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(answer.status()), body);
            Redirector.HEADERS.forEach(h -> response.headers().set(h[0], h[1]));
            if (answer.location() != null) {
                response.headers().set(HttpHeaderNames.LOCATION, answer.location());
            } else {
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
                if (answer.status() == 405) {
                    response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
                }
            }
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                context.writeAndFlush(response);
            } else {
                context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
