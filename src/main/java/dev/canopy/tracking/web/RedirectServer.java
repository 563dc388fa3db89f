package dev.canopy.tracking.web;

import dev.canopy.tracking.internal.Redirector;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The link redirect on a port of its own ({@code canopy.tracking.redirect-port}), for the host name
 * links are shared under (go.vendor.com). A few event loops ({@link #defaultLoops}) answer each request where
 * it was read: the same {@link Redirector} as on the application's port, at several times the rate Tomcat's
 * thread-per-request model allows on a small machine (ADR 14).
 */
public class RedirectServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RedirectServer.class);

    private final Redirector redirector;
    private final int requestedPort;
    private final boolean trustForwardedFor;
    private final int loopCount;
    private final RedirectTransport transport;
    private MultiThreadIoEventLoopGroup loops;
    private Channel channel;

    /** The transport is one that {@link RedirectTransport#available()} (checked where the setting is read). */
    public RedirectServer(
            Redirector redirector, int port, boolean trustForwardedFor, int loopCount, RedirectTransport transport) {
        if (loopCount < 1) {
            throw new IllegalArgumentException(
                    "canopy.tracking.redirect-loops must be 1 or more (or left out for half the cores), was "
                            + loopCount);
        }
        this.redirector = redirector;
        this.requestedPort = port;
        this.trustForwardedFor = trustForwardedFor;
        this.loopCount = loopCount;
        this.transport = transport;
    }

    /**
     * Half the cores, at least one. The other half is for what every click costs after its answer: the click writer,
     * PostgreSQL when it runs beside Canopy, and the kernel's network work. On two cores one loop answered as many
     * redirects as two with a shorter tail: two loops and the load's own threads kept taking each other's turn in
     * the measuring machine's 4 ms scheduler ticks (ADR 37).
     */
    static int defaultLoops(int cores) {
        return Math.max(1, cores / 2);
    }

    /** How many event loops answer redirects. */
    public int loops() {
        return loops.executorCount();
    }

    /** How the loops talk to the kernel. */
    public RedirectTransport transport() {
        return transport;
    }

    /** The port it listens on (the one chosen when 0 was asked for). */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void start() {
        loops = new MultiThreadIoEventLoopGroup(loopCount, transport.handlers());
        channel = new ServerBootstrap()
                .group(loops)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline()
                                .addLast(new HttpRequestDecoder(new HttpDecoderConfig()
                                        .setMaxInitialLineLength(4096)
                                        .setMaxHeaderSize(8192)))
                                .addLast(new Handler());
                    }
                })
                .bind(requestedPort)
                .syncUninterruptibly()
                .channel();
        log.info("Link redirects also on port {} ({}, {} event loops)", port(), transport.settingValue(), loopCount);
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

    /**
     * Answers each request as soon as its head is decoded; bodies are read and ignored (links take GET and
     * HEAD only). The answer's bytes are written directly, its fixed headers encoded once: Netty's header
     * maps and encoder allocated more per redirect than everything else on the path (ADR 20).
     */
    private final class Handler extends SimpleChannelInboundHandler<HttpObject> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (!(message instanceof HttpRequest request)) {
                return;
            }
            if (request.decoderResult().isFailure()) {
                respond(context, new Redirector.Answer(400, null, "This request could not be read."), false, false);
                return;
            }
            String uri = request.uri();
            int question = uri.indexOf('?');
            String address = ((InetSocketAddress) context.channel().remoteAddress())
                    .getAddress()
                    .getHostAddress();
            String forwarded = trustForwardedFor ? request.headers().get(FORWARDED_FOR) : null;
            if (forwarded != null && !forwarded.isBlank()) {
                address = forwarded.split(",")[0].strip();
            }
            Redirector.Answer answer = redirector.answer(new Redirector.Visit(
                    request.method().name(),
                    question < 0 ? uri : uri.substring(0, question),
                    question < 0 ? null : uri.substring(question + 1),
                    address,
                    name -> request.headers().get(HEADER_NAMES.getOrDefault(name, name))));
            respond(context, answer, HttpMethod.HEAD.equals(request.method()), HttpUtil.isKeepAlive(request));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }

    // The names the redirect asks for, as Netty's names with their hash computed once: a header looked up
    // by a String hashes it afresh (6 % of the listener's CPU samples in the profile of ADR 20).
    private static final Map<String, CharSequence> HEADER_NAMES = Map.of(
            "User-Agent",
            HttpHeaderNames.USER_AGENT,
            "Referer",
            HttpHeaderNames.REFERER,
            "Sec-Purpose",
            AsciiString.cached("sec-purpose"),
            "Purpose",
            AsciiString.cached("purpose"));
    private static final AsciiString FORWARDED_FOR = AsciiString.cached("x-forwarded-for");

    private static final String FIXED_HEADERS =
            Redirector.HEADERS.stream().map(h -> h[0] + ": " + h[1] + "\r\n").collect(Collectors.joining());
    // A redirect is these bytes around its Location: nothing else in it changes from one visit to the next.
    private static final byte[] FOUND = ascii("HTTP/1.1 302 Found\r\n" + FIXED_HEADERS + "Location: ");
    private static final byte[] FOUND_END_KEEP_ALIVE = ascii("\r\nContent-Length: 0\r\nConnection: keep-alive\r\n\r\n");
    private static final byte[] FOUND_END_CLOSE = ascii("\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    private static final byte[] CRLF = {'\r', '\n'};

    private static void respond(
            ChannelHandlerContext context, Redirector.Answer answer, boolean head, boolean keepAlive) {
        ByteBuf out;
        if (answer.location() != null) {
            // Encoded whole, then copied in bulk: Netty's writeUtf8 goes character by character.
            byte[] location = answer.location().getBytes(StandardCharsets.UTF_8);
            out = context.alloc().buffer(FOUND.length + location.length + FOUND_END_KEEP_ALIVE.length);
            out.writeBytes(FOUND).writeBytes(location).writeBytes(keepAlive ? FOUND_END_KEEP_ALIVE : FOUND_END_CLOSE);
        } else {
            out = context.alloc().buffer(512);
            byte[] body = answer.message().getBytes(StandardCharsets.UTF_8);
            HttpResponseStatus status = HttpResponseStatus.valueOf(answer.status());
            out.writeCharSequence(
                    "HTTP/1.1 " + status.code() + " " + status.reasonPhrase() + "\r\n" + FIXED_HEADERS,
                    StandardCharsets.US_ASCII);
            header(out, "Content-Type", "text/plain; charset=UTF-8");
            if (answer.status() == 405) {
                header(out, "Allow", "GET, HEAD");
            }
            header(out, "Content-Length", Integer.toString(body.length));
            header(out, "Connection", keepAlive ? "keep-alive" : "close");
            out.writeBytes(CRLF);
            if (!head) {
                out.writeBytes(body);
            }
        }
        ChannelFuture written = context.writeAndFlush(out);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    // Values are ours (fixed texts, a Location built of encoded parts): no line break can reach them.
    private static void header(ByteBuf out, String name, String value) {
        out.writeCharSequence(name, StandardCharsets.US_ASCII);
        out.writeByte(':').writeByte(' ');
        ByteBufUtil.writeUtf8(out, value);
        out.writeBytes(CRLF);
    }
}
