package dev.canopy.enablement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Video links as people copy them become the address of their host's player; anything else is refused. */
class VideoLinksBecomeTheirPlayers {

    @ParameterizedTest
    @CsvSource({
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://youtube.com/watch?feature=share&v=dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://m.youtube.com/shorts/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ, https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://vimeo.com/76979871, https://player.vimeo.com/video/76979871",
        "https://player.vimeo.com/video/76979871, https://player.vimeo.com/video/76979871",
        "https://www.loom.com/share/0123456789abcdef, https://www.loom.com/embed/0123456789abcdef"
    })
    void aKnownHostsLinkBecomesItsPlayer(String link, String player) {
        assertThat(VideoEmbeds.embed(link)).contains(player);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://www.youtube.com/watch?v=dQw4w9WgXcQ",
                "https://www.youtube.com/watch?v=<script>",
                "https://evil.example/watch?v=dQw4w9WgXcQ",
                "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
                "javascript:alert(1)",
                "https://vimeo.com/",
                "not a link"
            })
    void anythingElseIsRefused(String link) {
        assertThat(VideoEmbeds.embed(link)).isEmpty();
    }
}
