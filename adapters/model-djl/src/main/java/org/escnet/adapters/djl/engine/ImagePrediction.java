package org.escnet.adapters.djl.engine;

/**
 * The outcome of one image.
 *
 * @param classes predicted vocabulary index per pixel at the label size, row-major (H·W values)
 * @param prompts the image's pseudo prompts when they were asked for and the network has any, else null
 */
public record ImagePrediction(int[] classes, PromptSnapshot prompts) {
}
