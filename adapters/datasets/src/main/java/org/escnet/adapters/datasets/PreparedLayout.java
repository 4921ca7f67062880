package org.escnet.adapters.datasets;

import java.nio.file.Path;
import org.escnet.domain.data.BenchmarkId;

/**
 * Where a benchmark's files live below its root after CAT-Seg's preparation scripts (DATASETS.md §1.1).
 *
 * @param topFolder          the folder directly under the root ({@code ADEChallengeData2016}, {@code VOCdevkit}, …)
 * @param imageDir           image folder, relative to the root
 * @param labelDir           ground-truth folder, relative to the root; it defines the evaluation set
 * @param imageExtension     e.g. {@code .jpg}
 * @param labelExtension     {@code .png} or {@code .tif}
 * @param sharedImageFolder  true when the image folder also holds images of other splits (VOC {@code JPEGImages}),
 *                           so images without a label map are expected there
 */
public record PreparedLayout(String topFolder, String imageDir, String labelDir, String imageExtension,
        String labelExtension, boolean sharedImageFolder) {

    public static PreparedLayout of(BenchmarkId benchmark) {
        return switch (benchmark) {
            case COCO_STUFF_TRAIN -> coco("train2017");
            case COCO_STUFF -> coco("val2017");
            case ADE150 -> new PreparedLayout("ADEChallengeData2016", "ADEChallengeData2016/images/validation",
                    "ADEChallengeData2016/annotations_detectron2/validation", ".jpg", ".png", false);
            case ADE847 -> new PreparedLayout("ADE20K_2021_17_01", "ADE20K_2021_17_01/images_detectron2/validation",
                    "ADE20K_2021_17_01/annotations_detectron2/validation", ".jpg", ".tif", false);
            case PC59 -> voc("VOC2010", "pc59_val", ".png", false);
            case PC459 -> voc("VOC2010", "pc459_val", ".tif", false);
            case VOC20 -> voc("VOC2012", "val", ".png", false);
            case VOC20B -> voc("VOC2012", "val", ".png", true);
            case SHAPESWORLD_TRAIN, SHAPESWORLD_SEEN, SHAPESWORLD_UNSEEN -> throw new IllegalArgumentException(
                    benchmark.benchmarkName() + " is generated in memory and has no files");
        };
    }

    private static PreparedLayout coco(String split) {
        return new PreparedLayout("coco-stuff", "coco-stuff/images/" + split, "coco-stuff/annotations_detectron2/" + split,
                ".jpg", ".png", false);
    }

    private static PreparedLayout voc(String year, String split, String ext, boolean background) {
        String base = "VOCdevkit/" + year + "/";
        String labels = year.equals("VOC2010") ? "annotations_detectron2/" + split
                : (background ? "annotations_detectron2_bg/" : "annotations_detectron2/") + split;
        return new PreparedLayout("VOCdevkit", base + "JPEGImages", base + labels, ".jpg", ext, true);
    }

    public Path images(Path root) {
        return root.resolve(imageDir);
    }

    public Path labels(Path root) {
        return root.resolve(labelDir);
    }
}
