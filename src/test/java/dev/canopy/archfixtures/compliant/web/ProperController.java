package dev.canopy.archfixtures.compliant.web;

import org.springframework.web.bind.annotation.RestController;

/** Complies: a controller in a {@code web} package. */
@RestController
public abstract class ProperController {}
