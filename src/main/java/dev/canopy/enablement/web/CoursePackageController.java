package dev.canopy.enablement.web;

import dev.canopy.enablement.ScormPlayer;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A SCORM package's files for staff previewing a lesson in the console. */
@RestController
class CoursePackageController {

    private final ScormPlayer player;

    CoursePackageController(ScormPlayer player) {
        this.player = player;
    }

    @GetMapping("/app/courses/packages/{key}/**")
    @PreAuthorize("hasAuthority('content:read')")
    ResponseEntity<Resource> file(@PathVariable String key, HttpServletRequest request) {
        return Packages.serve(player.file(key, Packages.path(request, key)));
    }
}
