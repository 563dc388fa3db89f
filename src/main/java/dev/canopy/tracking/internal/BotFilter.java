package dev.canopy.tracking.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Pattern;

/**
 * Which requests are not people clicking: HEAD requests, browser prefetches, crawlers, link previewers
 * (chat apps and social networks fetch a link to draw its card) and command-line clients. They are
 * redirected like anyone else but never counted.
 */
public final class BotFilter {

    private static final Pattern AUTOMATED = Pattern.compile(
            "bot|crawl|spider|slurp|preview|facebookexternalhit|facebot|embedly|quora link|pinterest|vkshare"
                    + "|whatsapp|telegram|skypeuripreview|outlook|bitlybot|headless|lighthouse|pingdom|uptime"
                    + "|monitor|curl|wget|python|java/|go-http-client|okhttp|axios|node-fetch|libwww|httpclient"
                    + "|scrapy|phantomjs|ahrefs|semrush|yandex|baidu|duckduckgo|applebot|petalbot|bytespider",
            Pattern.CASE_INSENSITIVE);

    private BotFilter() {}

    public static boolean isAutomated(HttpServletRequest request) {
        if ("HEAD".equals(request.getMethod())) {
            return true;
        }
        String purpose = request.getHeader("Sec-Purpose");
        if (purpose == null) {
            purpose = request.getHeader("Purpose");
        }
        if (purpose != null && purpose.toLowerCase(java.util.Locale.ROOT).contains("prefetch")) {
            return true;
        }
        return isAutomatedAgent(request.getHeader("User-Agent"));
    }

    public static boolean isAutomatedAgent(String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || AUTOMATED.matcher(userAgent).find();
    }
}
