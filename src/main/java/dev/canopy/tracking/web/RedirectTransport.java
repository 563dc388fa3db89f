package dev.canopy.tracking.web;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How the redirect listener's event loops read and write their sockets ({@code canopy.tracking.redirect-transport}).
 * With epoll a loop makes one system call per read and one per write; with io_uring it hands the kernel all of a
 * turn's reads and writes at once, and spent about a third less CPU per redirect on two cores shared with the load
 * (ADR 38). Not every kernel or container allows io_uring (seccomp profiles often refuse it), so {@code auto} takes
 * the first that works here, in this order.
 */
public enum RedirectTransport {
    IO_URING(
            () -> IoUring.isAvailable() ? null : IoUring.unavailabilityCause(),
            IoUringIoHandler::newFactory,
            IoUringServerSocketChannel.class),
    EPOLL(
            () -> Epoll.isAvailable() ? null : Epoll.unavailabilityCause(),
            EpollIoHandler::newFactory,
            EpollServerSocketChannel.class),
    /** The JDK's own selector: always there, the slowest. */
    NIO(() -> null, NioIoHandler::newFactory, NioServerSocketChannel.class);

    static final String SETTING = "canopy.tracking.redirect-transport";

    private final Supplier<Throwable> unavailability;
    private final Supplier<IoHandlerFactory> handlers;
    private final Class<? extends ServerChannel> serverChannel;

    RedirectTransport(
            Supplier<Throwable> unavailability,
            Supplier<IoHandlerFactory> handlers,
            Class<? extends ServerChannel> serverChannel) {
        this.unavailability = unavailability;
        this.handlers = handlers;
        this.serverChannel = serverChannel;
    }

    /** Why this machine cannot use it, or null when it can. */
    Throwable unavailabilityCause() {
        return unavailability.get();
    }

    IoHandlerFactory handlers() {
        return handlers.get();
    }

    Class<? extends ServerChannel> serverChannel() {
        return serverChannel;
    }

    public boolean available() {
        return unavailabilityCause() == null;
    }

    /** As the setting spells it. */
    public String settingValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The transport the setting asks for: {@code auto} for the first available, or one by name, which must be
     * available (asking for io_uring where it is refused fails the start rather than running slower unnoticed).
     */
    static RedirectTransport fromSetting(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("auto")) {
            return Arrays.stream(values())
                    .filter(RedirectTransport::available)
                    .findFirst()
                    .orElseThrow();
        }
        RedirectTransport named = Arrays.stream(values())
                .filter(transport -> transport.settingValue().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(SETTING + " must be auto, "
                        + Arrays.stream(values())
                                .map(RedirectTransport::settingValue)
                                .collect(Collectors.joining(", "))
                        + "; was \"" + value + "\""));
        Throwable cause = named.unavailabilityCause();
        if (cause != null) {
            throw new IllegalStateException(
                    SETTING + "=" + named.settingValue() + " is not available here: " + cause.getMessage()
                            + " (leave it at auto to take the next that is)",
                    cause);
        }
        return named;
    }
}
