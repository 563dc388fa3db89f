package dev.canopy.archfixtures.violations.controller;

import org.springframework.stereotype.Controller;

/** Violates: a controller outside a {@code web} package. */
@Controller
public abstract class MisplacedController {}
