package dev.canopy.tracking.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Which requests are not people clicking: HEAD requests, browser prefetches, crawlers, link previewers
 * (chat apps and social networks fetch a link to draw its card) and command-line clients. They are
 * redirected like anyone else but never counted.
 */
public final class BotFilter {

    // Lower-case fragments of automated user agents, found by a plain substring scan: a case-insensitive
    // regular expression over the same alternatives cost more than the rest of the redirect together.
    private static final String[] AUTOMATED = {
        "bot",
        "crawl",
        "spider",
        "slurp",
        "preview",
        "facebookexternalhit",
        "facebot",
        "embedly",
        "quora link",
        "pinterest",
        "vkshare",
        "whatsapp",
        "telegram",
        "skypeuripreview",
        "headless",
        "lighthouse",
        "pingdom",
        "uptime",
        "monitor",
        "curl",
        "wget",
        "python",
        "java/",
        "go-http-client",
        "okhttp",
        "axios",
        "node-fetch",
        "libwww",
        "httpclient",
        "scrapy",
        "phantomjs",
        "ahrefs",
        "semrush",
        "yandex",
        "baidu",
        "duckduckgo",
        "applebot",
        "petalbot",
        "bytespider"
    };

    private BotFilter() {}

    /** The lower-case fragments an automated user agent contains, for reading stored clicks again. */
    public static List<String> automatedFragments() {
        return List.of(AUTOMATED);
    }

    public static boolean isAutomated(String method, UnaryOperator<String> header) {
        if ("HEAD".equals(method)) {
            return true;
        }
        String purpose = header.apply("Sec-Purpose");
        if (purpose == null) {
            purpose = header.apply("Purpose");
        }
        if (purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch")) {
            return true;
        }
        return isAutomatedAgent(header.apply("User-Agent"));
    }

    public static boolean isAutomatedAgent(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        for (String fragment : AUTOMATED) {
            if (agent.contains(fragment)) {
                return true;
            }
        }
        return false;
    }
}
