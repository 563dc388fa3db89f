package dev.canopy.enablement;

import dev.canopy.enablement.internal.CourseTable;
import dev.canopy.enablement.internal.ProgressTable;
import dev.canopy.partners.PartnerId;
import dev.canopy.partners.PartnerView;
import dev.canopy.partners.Partners;
import dev.canopy.platform.CurrentWorkspace;
import dev.canopy.shared.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who learned what, for staff: a course's learners, with their company, lessons done and completion. */
@Service
public class CourseReports {

    private final CourseTable courses;
    private final ProgressTable progress;
    private final Partners partners;
    private final CurrentWorkspace currentWorkspace;

    CourseReports(CourseTable courses, ProgressTable progress, Partners partners, CurrentWorkspace currentWorkspace) {
        this.courses = courses;
        this.progress = progress;
        this.partners = partners;
        this.currentWorkspace = currentWorkspace;
    }

    /** Everyone who started the course, the latest first (at most 1,000). */
    @Transactional(readOnly = true)
    public List<Learner> learners(UUID courseId) {
        courses.find(currentWorkspace.id(), courseId).orElseThrow(() -> new NotFoundException("Course"));
        List<ProgressTable.Enrolment> enrolments = progress.enrolments(currentWorkspace.id(), courseId);
        Map<PartnerId, String> names =
                partners
                        .byIds(enrolments.stream()
                                .map(ProgressTable.Enrolment::partner)
                                .distinct()
                                .toList())
                        .stream()
                        .collect(Collectors.toMap(PartnerView::id, PartnerView::name, (a, b) -> a));
        return enrolments.stream()
                .map(e -> new Learner(
                        e.personId(),
                        e.person(),
                        e.partner(),
                        names.getOrDefault(e.partner(), "—"),
                        e.lessonsDone(),
                        e.startedAt(),
                        e.completedAt()))
                .toList();
    }
}
