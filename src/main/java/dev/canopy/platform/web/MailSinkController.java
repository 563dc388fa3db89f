package dev.canopy.platform.web;

import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.platform.internal.MailSink;
import dev.canopy.shared.NotFoundException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The demo's mail sink: the messages Canopy sent that concern the admin's workspace. */
@Controller
@RequestMapping("/app/mail")
@ConditionalOnProperty(name = "canopy.mail.sink.enabled", havingValue = "true")
@PreAuthorize("hasAuthority('mail-sink:read')")
class MailSinkController {

    private final MailSink sink;
    private final CurrentWorkspace currentWorkspace;

    MailSinkController(MailSink sink, CurrentWorkspace currentWorkspace) {
        this.sink = sink;
        this.currentWorkspace = currentWorkspace;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("messages", sink.messagesFor(currentWorkspace.id()));
        return "platform/mail-sink";
    }

    @GetMapping("/{index}")
    String show(@PathVariable int index, Model model) {
        model.addAttribute("messages", sink.messagesFor(currentWorkspace.id()));
        model.addAttribute(
                "selected",
                sink.message(currentWorkspace.id(), index).orElseThrow(() -> new NotFoundException("Message")));
        return "platform/mail-sink";
    }
}
