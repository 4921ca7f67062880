package org.escnet.domain.model;

/**
 * One stage of Fig. 2: an optional SAM refinement of the image embedding, an optional guidance projection (absent =
 * reuse the previous stage's guidance, as CAT-Seg shares one), and a VLF layer.
 *
 * @param spatial    SAM block + Eq.-2 fusion, or null ("W/O SAM" and CAT-Seg keep X unchanged)
 * @param guidance   the projection of X_i into spatial guidance, or null to reuse the previous guidance
 * @param fusion     the VLF layer, or null when this stage only refines the image (fewer VLF layers than SAM
 *                   blocks, A16)
 */
public record EscBlock(SpatialAggregator spatial, GuidanceProjection guidance, FusionBlock fusion) {
    public EscBlock {
        if (spatial == null && fusion == null) {
            throw new IllegalArgumentException("an ESC block needs a SAM refinement or a VLF layer, found neither");
        }
    }
}
